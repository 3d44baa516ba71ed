app_name = "coproduction"

urlpatterns = []
