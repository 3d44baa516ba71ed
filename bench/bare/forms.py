from django import forms


class CommentForm(forms.Form):
    q_comment = forms.CharField(max_length=2000, widget=forms.Textarea)
